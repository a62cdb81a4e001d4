import type { PageProps } from "../../../types.ts";

export default function Files({ params }: PageProps) {
  return <h1>file {params.rest}</h1>;
}
