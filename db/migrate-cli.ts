import { getDbHandle } from "./index";
import { migrate } from "./migrate";

const handle = getDbHandle();
await migrate(handle);
console.log(`Migrações aplicadas (${handle.kind}).`);
await handle.close();
