import { signIn } from "@/lib/auth/accounts.ts";
import { SignInInput } from "@/lib/auth/inputs.ts";
import { authPageHandlers } from "@/lib/server/auth_page.ts";
import { AuthForm } from "@/components/AuthForm.tsx";
import type { FormFailure } from "@/lib/server/forms.ts";
import type { PageProps } from "@/lib/fresh/mod.ts";

export const handler = authPageHandlers(SignInInput, signIn);

export default function SignIn({ data }: PageProps<FormFailure | undefined>) {
  return <AuthForm mode="signin" failure={data} />;
}
