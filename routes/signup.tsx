import { signUp } from "@/lib/auth/accounts.ts";
import { SignUpInput } from "@/lib/auth/inputs.ts";
import { authPageHandlers } from "@/lib/server/auth_page.ts";
import { AuthForm } from "@/components/AuthForm.tsx";
import type { FormFailure } from "@/lib/server/forms.ts";
import type { PageProps } from "@/lib/fresh/mod.ts";

export const handler = authPageHandlers(SignUpInput, signUp);

export default function SignUp({ data }: PageProps<FormFailure | undefined>) {
  return <AuthForm mode="signup" failure={data} />;
}
