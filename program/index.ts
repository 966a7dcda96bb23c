/** Entry point for the Pulumi CLI (`main` in Pulumi.yaml): the exported function's result
 * becomes the stack outputs. */
import { main } from "./main";

export = main;
