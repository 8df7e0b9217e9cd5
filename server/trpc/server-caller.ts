import "server-only";
import { cache } from "react";
import { createCaller } from "./root";
import { createContext } from "./context";

/** A caller for server components: the same procedures, permissions and errors as over HTTP. */
export const serverCaller = cache(async () => createCaller(await createContext()));
