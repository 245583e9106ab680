import { getDbHandle } from "./index";
import { migrate } from "./migrate";
import { demoLoginsText, seed } from "./seed";

const handle = getDbHandle();
await migrate(handle);
const summary = await seed(handle.db);
console.log(summary ? `Dados de demonstração criados: ${JSON.stringify(summary)}` : "O banco já tem dados; nada foi criado.");
console.log(demoLoginsText());
await handle.close();
