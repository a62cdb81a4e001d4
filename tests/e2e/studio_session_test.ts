// The studio says what went wrong when going live is refused (another stream of the seller's
// is live: with a link to its studio), and when the seller is signed out mid-broadcast (once,
// with the way back; the broadcast goes on, the tools stop, the replay waits and resumes).
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";

const PHONE = { viewport: { width: 390, height: 844 } };

async function signIn(page: Page) {
  await page.fill("input[name=email]", "seller@example.com");
  await page.fill("input[name=password]", "a long enough password");
  await page.click("form.form button[type=submit]");
}

liveTest("the studio says why going live was refused, and that its seller was signed out", async (t, {
  stack,
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl, { context });
  await studio.getByLabel(/Record a replay/).check();
  await goLive(studio);

  await t.step(
    "Go live on another stream says which one is live, with its studio, and stays said",
    async () => {
      const other = await context.newPage();
      await other.goto(`${stack.appUrl}/studio`);
      await other.fill("input[name=title]", "Second drop");
      await other.click("form.form button[type=submit]");
      await other.waitForURL(/\/studio\/[\w-]+$/);
      await other.getByRole("button", { name: "Go live" }).click({ timeout: UI_TIMEOUT });
      const refusal = other.getByRole("alert").filter({ hasText: "You are already live with" });
      await refusal.waitFor({ timeout: UI_TIMEOUT });
      // The studio outside its room reads again every 5 s: that must not take the words away.
      await other.waitForTimeout(6_000);
      assert(
        (await refusal.textContent())?.includes("“Spring linen drop”"),
        await refusal.textContent() ?? "",
      );
      const link = refusal.getByRole("link", { name: "Open the studio of “Spring linen drop”" });
      assertEquals(await link.getAttribute("href"), `/studio/${streamId}`);
      assertEquals(await other.evaluate(() => document.activeElement?.textContent), "Go live");
      await other.close();
    },
  );

  await t.step(
    "signed out from elsewhere: said once with a way to sign in, and on again once signed in",
    async () => {
      const elsewhere = await (await browser.newContext()).newPage();
      await elsewhere.goto(`${stack.appUrl}/signin`);
      await signIn(elsewhere);
      await elsewhere.waitForURL(/\/studio/);
      assertEquals(
        await elsewhere.evaluate(async () =>
          (await fetch("/api/auth/signout-elsewhere", { method: "POST" })).status
        ),
        204,
      );
      const said = studio.getByRole("alert").filter({ hasText: "You were signed out" });
      await said.waitFor({ timeout: UI_TIMEOUT });
      assertEquals(
        await said.textContent(),
        "You were signed out, so your tools stopped and the replay waits to be saved. Viewers still see and hear you. Sign in again to go on.",
      );
      // Whatever else failed meanwhile is not said again.
      await studio.waitForTimeout(6_000);
      assertEquals(
        await studio.getByRole("alert").count(),
        1,
        String(await studio.getByRole("alert").allTextContents()),
      );
      assertEquals(await studio.getByRole("status").filter({ hasText: "● Live" }).count(), 1);
      const showcase = studio.getByRole("region", { name: "Showcase" });
      const outOfReach = () => showcase.evaluate((tools) => (tools as HTMLElement).inert);
      assertEquals(await outOfReach(), true, "the tools are out of reach");
      const back = said.getByRole("link", { name: "Sign in again" });
      assertEquals(await back.getAttribute("href"), `/signin?returnTo=%2Fstudio%2F${streamId}&ended`);

      // Opened in a new tab, so the broadcast goes on here.
      const [signin] = await Promise.all([context.waitForEvent("page"), back.click()]);
      await signin.getByText("signed out").first().waitFor();
      await signIn(signin);
      await signin.waitForURL(`${stack.appUrl}/studio/${streamId}`);
      await signin.close();
      await said.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      assertEquals(await outOfReach(), false);
      await studio.getByRole("status").filter({ hasText: "● Recording the replay" }).waitFor();
      assertEquals(await studio.getByText("Waiting for you to sign in again").count(), 0);
      assertEquals(await studio.getByRole("status").filter({ hasText: "● Live" }).count(), 1);
    },
  );
});
