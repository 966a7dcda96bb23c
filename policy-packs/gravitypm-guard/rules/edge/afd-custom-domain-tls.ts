/** Azure Front Door custom domains require TLS 1.2 [—]. */
import { resourceRule } from "../../lib/rule";
import { get, shown, str, type Props } from "../../lib/values";

export const AFD_CUSTOM_DOMAIN = "azure-native:cdn:AFDCustomDomain";

export function afdCustomDomainTlsProblems(props: Props): string[] {
    const min = str(get(props, "tlsSettings.minimumTlsVersion"));
    return min === "TLS12" || min === "TLS13" ? [] : [`tlsSettings.minimumTlsVersion is ${shown(min)}`];
}

export const afdCustomDomainTls = resourceRule({
    name: "afd-custom-domain-tls",
    description: "Azure Front Door custom domains set the minimum TLS version to 1.2.",
    explanation: "TLS 1.0/1.1 have known attacks; state the minimum instead of relying on a default that has changed before.",
    remediation: 'Set tlsSettings { certificateType: "ManagedCertificate", minimumTlsVersion: "TLS12" }.',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [AFD_CUSTOM_DOMAIN],
    defaults: {},
    check: (props) => afdCustomDomainTlsProblems(props),
});
