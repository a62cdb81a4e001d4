import { z } from "zod";
import { readForm } from "../../json_body.ts";
import { page } from "../../page.ts";
import type { Handlers, PageProps } from "../../types.ts";

const Signup = z.object({
  email: z.email(),
  tags: z.array(z.string()).optional(),
});

export const handler: Handlers = {
  POST: async (ctx) => page(await readForm(ctx, Signup), { status: 201 }),
};

export default function Form(
  { data }: PageProps<z.infer<typeof Signup> | undefined>,
) {
  return <p>signed up {data?.email ?? "nobody"}</p>;
}
