import { signIn } from "../lib/auth/accounts.ts";
import { authPageHandlers } from "../lib/auth/auth_page.ts";
import { AuthForm } from "../components/AuthForm.tsx";
import type { FormFailure } from "../lib/forms.ts";
import type { PageProps } from "../lib/fresh/mod.ts";
import { SignInInput } from "../lib/inputs.ts";

export const handler = authPageHandlers(SignInInput, signIn);

export default function SignIn({ data }: PageProps<FormFailure | undefined>) {
  return <AuthForm mode="signin" failure={data} />;
}
