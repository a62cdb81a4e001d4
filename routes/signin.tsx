import { signIn } from "@/lib/auth/accounts.ts";
import { SignInInput } from "@/lib/auth/inputs.ts";
import { type AuthPage, authPageHandlers } from "@/lib/server/auth_page.ts";
import { AuthForm } from "@/components/AuthForm.tsx";
import type { PageProps } from "@/lib/fresh/mod.ts";

export const handler = authPageHandlers(SignInInput, signIn);

export default function SignIn({ data }: PageProps<AuthPage>) {
  return <AuthForm mode="signin" {...data} />;
}
