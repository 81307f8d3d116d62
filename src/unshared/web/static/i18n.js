// Every string the page shows, in every language it speaks, and the few helpers that pick them.
//
// One catalogue, one module per language in lang/: lang/en.js is the reference. To add a
// language: copy lang/en.js under the new code, translate every value (keep the {placeholders}
// and the plural forms Intl.PluralRules gives that language), import it here and add it to
// LANGUAGES. A test checks that each language has every key
// and the same placeholders as English. Values are plain text, never HTML.
//
// Tone: calm, warm, plain. The person may be frightened and may be young. No blame, no jargon;
// the technical names appear only in the "technical details" box.

import de from "./lang/de.js";
import en from "./lang/en.js";
import es from "./lang/es.js";
import fr from "./lang/fr.js";
import it from "./lang/it.js";
import pt from "./lang/pt.js";

/** Languages, in the order the switch shows them, each named in itself. */
export const LANGUAGES = Object.freeze({
  en: "English",
  es: "Español",
  fr: "Français",
  pt: "Português",
  de: "Deutsch",
  it: "Italiano",
});

/** Every language's strings, by language code. */
export const STRINGS = Object.freeze({ en, es, fr, pt, de, it });

/** The first of the person's preferred languages that the page speaks, else English. */
export function pickLanguage(preferred = []) {
  for (const tag of preferred) {
    const code = String(tag).toLowerCase().split("-")[0];
    if (code in STRINGS) return code;
  }
  return "en";
}

/**
 * The string `key` in `lang`, with {placeholders} filled from `vars`. A string with plural forms
 * picks its form by `vars.n`. Falls back to English, then to the key itself.
 */
export function translate(lang, key, vars = {}) {
  return translateFrom(STRINGS, lang, key, vars);
}

/** `translate`, from another page's own table of strings (`{en: {...}, ...}`). */
export function translateFrom(strings, lang, key, vars = {}) {
  let text = strings[lang]?.[key] ?? strings.en[key] ?? key;
  if (typeof text === "object") {
    const form = new Intl.PluralRules(lang).select(Number(vars.n ?? 0));
    text = text[form] ?? text.other;
  }
  // A number is written as the language writes it ("2,5" in French and German, "1.234" in
  // German). A value that ends a sentence with its own full stop ("5:30 p. m." in Spanish)
  // keeps one.
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name, stop) => {
    if (!(name in vars)) return whole;
    const raw = vars[name];
    const value = typeof raw === "number" ? new Intl.NumberFormat(lang).format(raw) : String(raw);
    return stop && value.endsWith(".") ? value : value + stop;
  });
}
