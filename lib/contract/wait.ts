/** A wait in the words a person reads: "40 s", "a minute", "43 minutes". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

/** A refusal's words with its wait in them: "Too many sign-ups from your network. Try again in 43 minutes." */
export function withWait(words: string, seconds: number): string {
  const said = words.replace(/\s*(Wait a moment and try again|Try again later)\.$/, "");
  return `${said} Try again in ${waitInWords(seconds)}.`;
}
