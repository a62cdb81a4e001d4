import type { ErrorPageProps } from "@/lib/fresh/mod.ts";

export default function ErrorPage({ status, message }: ErrorPageProps) {
  return (
    <section class="error-page">
      <h1>{status === 404 ? "Page not found" : "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to live streams</a>
      </p>
    </section>
  );
}
