import Counter from "../islands/Counter.tsx";

export default function IslandPage() {
  return (
    <main>
      <Counter start={3} label="clicks" />
    </main>
  );
}
