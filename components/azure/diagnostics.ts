/**
 * How the security baseline learns what to audit. Each Azure component that creates a resource
 * Azure Monitor can take resource logs from registers it on its site; the baseline, built last
 * by the composition, reads every site's registry and gives each target a diagnostic setting to
 * the audit workspace. A registry on the site rather than a scan of the plan: the baseline gets
 * typed outputs (the resource id, its region's provider and archive) from the component that
 * knows the resource, and a component added later registers its resources in the same line
 * that creates them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AzureDiagnosticKind } from "../../domain/catalogs/azure";

export interface AzureDiagnosticTarget {
    /** Names the baseline's setting (`<baseline>-<name>-diagnostics`): the logical name of the resource, unique in the stack. */
    readonly name: string;
    /** Which entry of AZURE_DIAGNOSTICS says what the resource emits. */
    readonly kind: AzureDiagnosticKind;
    /** The resource's id (the catalog's suffix, such as a storage account's blob service, is added by the baseline). */
    readonly resourceId: pulumi.Input<string>;
}

/**
 * The diagnosable resources of one site (one region). Sealed once the baseline has read it: a
 * resource registered after that would silently go unaudited, so registering then fails.
 */
export class DiagnosticRegistry {
    private readonly entries: AzureDiagnosticTarget[] = [];
    private sealedBy: string | undefined;

    register(target: AzureDiagnosticTarget): void {
        if (this.sealedBy !== undefined) {
            throw new Error(`${target.name} is registered for diagnostics after ${this.sealedBy} read the registry: create it before the security baseline`);
        }
        if (this.entries.some((e) => e.name === target.name)) throw new Error(`diagnostic target ${target.name} is registered twice`);
        this.entries.push(target);
    }

    /** Every target so far, and no more registrations. */
    seal(reader: string): readonly AzureDiagnosticTarget[] {
        this.sealedBy = reader;
        return [...this.entries];
    }
}
