// The floor for a plan: a bare node process that only loads @pulumi/pulumi and the cloud
// SDK modules the plan loaded (listed in the file given), with no program and no mocks.
"use strict";
const fs = require("node:fs");
require("@pulumi/pulumi");
for (const file of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) require(file);
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
