// What the server receives from VS Code's brieflint.* settings: as initializationOptions at start, and as the
// "brieflint" section of workspace/configuration afterwards. Pure logic, tested without VS Code.

export const LEVELS = ["error", "warning", "info", "hint", "off"] as const;
export type Level = (typeof LEVELS)[number];

export interface ServerSettings {
  rules: Record<string, Level>;
  knowledgeBase?: string;
  likelihoodScale: "icd203" | "phia";
}

/** Reads settings through a getter (VS Code's WorkspaceConfiguration.get), dropping values the server would reject. */
export function serverSettings(get: (key: string) => unknown): ServerSettings {
  const rules: Record<string, Level> = {};
  const configured = get("rules");
  if (configured && typeof configured === "object") {
    for (const [code, level] of Object.entries(configured as Record<string, unknown>)) {
      if (typeof level === "string" && (LEVELS as readonly string[]).includes(level)) {
        rules[code] = level as Level;
      }
    }
  }
  const knowledgeBase = get("knowledgeBase");
  const scale = get("likelihoodScale");
  return {
    rules,
    knowledgeBase: typeof knowledgeBase === "string" && knowledgeBase.trim() !== "" ? knowledgeBase.trim() : undefined,
    likelihoodScale: scale === "phia" ? "phia" : "icd203",
  };
}

/** The document selector for the file types the user wants checked. */
export function documentSelector(fileTypes: unknown): { scheme: string; language: string }[] {
  const wanted = Array.isArray(fileTypes) ? fileTypes.filter((t) => t === "markdown" || t === "plaintext") : [];
  const languages = wanted.length > 0 ? wanted : ["markdown", "plaintext"];
  return languages.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}
