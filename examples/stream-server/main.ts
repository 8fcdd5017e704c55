/** `npm run serve`: the streaming server on a SQLite file or a libSQL database (see README.md for PORT, DB, DB_AUTH_TOKEN, TOKEN). */
import type { AddressInfo } from "node:net";
import { createStreamServer } from "./server.js";

const port = Number(process.env.PORT ?? 8080);
const db = process.env.DB ?? "stream-server.db";
const { server, close } = await createStreamServer(db, {
  token: process.env.TOKEN,
  dbAuthToken: process.env.DB_AUTH_TOKEN,
  fanOutShare: process.env.FANOUT_SHARE === undefined ? undefined : Number(process.env.FANOUT_SHARE),
});
// A libSQL URL may carry ?authToken=…: never print the query.
const shown = db.replace(/\?.*$/s, "");
server.listen(port, "127.0.0.1", () => console.log(`streaming ${shown} on http://127.0.0.1:${(server.address() as AddressInfo).port} (POST /workspaces to start)`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void close().then(() => process.exit(0)));
