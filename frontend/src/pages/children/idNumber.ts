// Resident identity numbers (GB 11643-1999): 6-digit area code, 8-digit birth
// date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdNumberProblem = 'length' | 'digits' | 'checkDigit' | 'birthDate' | 'birthMismatch';

// The check character for the first 17 digits.
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

// The birth date written in an ID number as YYYY-MM-DD, or undefined when it is not a real date.
export function idBirthDate(id: string): string | undefined {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

// Checks an ID number; `birthDate` (YYYY-MM-DD), when given, must match the one inside.
// Returns the first problem found, or undefined when the number is valid.
export function checkIdNumber(raw: string, birthDate?: string): IdNumberProblem | undefined {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'digits';
  if (idCheckChar(id) !== id[17]) return 'checkDigit';
  const born = idBirthDate(id);
  if (!born) return 'birthDate';
  if (birthDate && born !== birthDate) return 'birthMismatch';
  return undefined;
}

// Shows the area code and the last four characters only.
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
