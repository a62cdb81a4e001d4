// What people send to sign up, sign in, or name themselves as a guest.
import { z } from "zod";
import { returnPath, text } from "@/lib/core/fields.ts";
import { claimsRole } from "@/lib/moderation/text_rules.ts";

/** An email address as accounts are keyed: trimmed and lowercase. */
export const email = z.string().trim().toLowerCase().max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

// A name that says "(Host)" or "| mod" would pass for a badge the chat gives only them.
const named = (label: string, max: number) =>
  text(label, 1, max).refine(
    (name) => !claimsRole(name),
    `${label} must not say you are the host or a moderator`,
  );

/** A password to set: at sign-up, or changing it. */
const newPassword = (label: string) =>
  z.string().min(10, `${label} must be at least 10 characters`)
    .max(256, `${label} must be at most 256 characters`);

export const SignUpInput = z.object({
  email,
  name: named("Name", 60),
  password: newPassword("Password"),
  returnTo: returnPath.optional(),
}).strict();
export type SignUpInput = z.infer<typeof SignUpInput>;

const password = z.string().min(1, "Password is required").max(256, "Password is too long");

export const SignInInput = z.object({ email, password, returnTo: returnPath.optional() }).strict();
export type SignInInput = z.infer<typeof SignInInput>;

/** Deleting one's account asks for the password again. */
export const DeleteAccountInput = z.object({ password }).strict();
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;

/** Changing one's password asks for the current one. */
export const ChangePasswordInput = z.object({
  currentPassword: password,
  newPassword: newPassword("New password"),
}).strict().refine((p) => p.newPassword !== p.currentPassword, {
  path: ["newPassword"],
  message: "New password must differ from the current one",
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const GuestNameInput = z.object({
  name: named("Display name", 40),
  returnTo: returnPath.default("/"),
}).strict();
export type GuestNameInput = z.infer<typeof GuestNameInput>;
