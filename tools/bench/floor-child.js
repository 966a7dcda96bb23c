// The floor for a plan: a bare node process that only loads @pulumi/pulumi and the cloud
// SDK modules the plan's components import (listed in the file given), with no program,
// no mocks and no TypeScript loader.
"use strict";
const fs = require("node:fs");
require("@pulumi/pulumi");
for (const specifier of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) require(specifier);
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
