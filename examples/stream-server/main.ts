/** `npm run serve`: the streaming server on an embedded SQLite file (see README.md for PORT, DB, TOKEN). */
import type { AddressInfo } from "node:net";
import { createStreamServer } from "./server.js";

const port = Number(process.env.PORT ?? 8080);
const dbPath = process.env.DB ?? "stream-server.db";
const { server, close } = createStreamServer(dbPath, { token: process.env.TOKEN });
server.listen(port, "127.0.0.1", () => console.log(`streaming ${dbPath} on http://127.0.0.1:${(server.address() as AddressInfo).port} (POST /workspaces to start)`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void close().then(() => process.exit(0)));
