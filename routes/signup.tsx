import { signUp, signupClosed } from "@/lib/auth/accounts.ts";
import { SignUpInput } from "@/lib/auth/inputs.ts";
import { type AuthPage, authPageHandlers } from "@/lib/server/auth_page.ts";
import { AuthForm } from "@/components/AuthForm.tsx";
import type { PageProps } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

export const handler = authPageHandlers(SignUpInput, signUp);

export default function SignUp({ data, state }: PageProps<AuthPage, State>) {
  return <AuthForm mode="signup" closed={signupClosed(state.services.config)} {...data} />;
}
