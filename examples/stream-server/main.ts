/** `npm run serve`: the streaming server on an embedded SQLite file. */
import { createStreamServer } from "./server.js";

const port = Number(process.env.PORT ?? 8080);
const dbPath = process.env.DB ?? "stream-server.db";
const { server, close } = createStreamServer(dbPath, { token: process.env.TOKEN });
server.listen(port, "127.0.0.1", () => console.log(`streaming ${dbPath} on http://127.0.0.1:${port} (POST /workspaces to start)`));
process.on("SIGINT", () => void close().then(() => process.exit(0)));
