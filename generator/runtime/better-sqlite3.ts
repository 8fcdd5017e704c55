/**
 * The better-sqlite3 runtime: prepared.ts with the driver's statements used as they are
 * (better-sqlite3 takes spread arguments of any kind).
 */
import { PreparedQuery, PreparedSliceQuery, type NativeStatement, type Statement } from "./prepared.js";

export class PlainQuery extends PreparedQuery {
  protected statementOf(prepare: () => NativeStatement): Statement {
    return prepare();
  }
}

export class SliceQuery extends PreparedSliceQuery {
  protected statementOf(prepare: () => NativeStatement): Statement {
    return prepare();
  }
}
