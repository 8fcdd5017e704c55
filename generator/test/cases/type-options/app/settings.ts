// The application's own type for workspaces.settings, imported by the generated code ("from": "./app/settings.js" in sqlgen.json).
export interface Settings {
  theme: "light" | "dark";
  tabs: string[];
}
