import * as fs from "node:fs";
import * as path from "node:path";

/** The folder holding Pulumi.yaml, found upward from this module: the same whether it runs
 * from tools/ under tsx or bundled into dist/. */
function findProjectDir(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${start}`);
    }
}

export const PROJECT_DIR = findProjectDir(__dirname);
