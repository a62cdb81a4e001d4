import { signIn, signupClosed } from "@/lib/auth/accounts.ts";
import { SignInInput } from "@/lib/auth/inputs.ts";
import { type AuthPage, authPageHandlers } from "@/lib/server/auth_page.ts";
import { AuthForm } from "@/components/AuthForm.tsx";
import type { PageProps } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

export const handler = authPageHandlers(SignInInput, signIn);

export default function SignIn({ data, state, url }: PageProps<AuthPage, State>) {
  return (
    <AuthForm
      mode="signin"
      closed={signupClosed(state.services.config)}
      ended={url.searchParams.has("ended")}
      {...data}
    />
  );
}
