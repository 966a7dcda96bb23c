/** The mock outputs now live in ./mocks, one module per cloud; this keeps existing imports of its constants working. */
export { MOCK_ACCOUNT_ID, MOCK_GCP_PROJECT_NUMBER, MOCK_SUBSCRIPTION_ID, MOCK_TENANT_ID } from "./mocks";
