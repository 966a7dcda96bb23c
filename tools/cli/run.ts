/** How every command ends: config errors exit 2 with only the message, usage errors 64. */
import { ConfigError } from "../../config/errors";
import { StackFileError } from "../plan/stack-files";
import { UsageError } from "./args";

export function runCommand(body: () => Promise<number | void>): void {
    body().then(
        (code) => {
            process.exitCode = code ?? 0;
        },
        (err: unknown) => {
            if (err instanceof ConfigError || err instanceof StackFileError) {
                console.error(err.message);
                process.exitCode = 2;
            } else if (err instanceof UsageError) {
                console.error(err.message);
                process.exitCode = 64;
            } else {
                console.error(err);
                process.exitCode = 1;
            }
        },
    );
}
