import { signUp } from "../lib/auth/accounts.ts";
import { authPageHandlers } from "../lib/auth/auth_page.ts";
import { AuthForm } from "../components/AuthForm.tsx";
import type { FormFailure } from "../lib/forms.ts";
import type { PageProps } from "../lib/fresh/mod.ts";
import { SignUpInput } from "../lib/inputs.ts";

export const handler = authPageHandlers(SignUpInput, signUp);

export default function SignUp({ data }: PageProps<FormFailure | undefined>) {
  return <AuthForm mode="signup" failure={data} />;
}
