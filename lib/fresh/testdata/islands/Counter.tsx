import { useState } from "preact/hooks";

export default function Counter(props: { start: number; label?: string }) {
  const [n, setN] = useState(props.start);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {props.label ?? "count"}: {n}
    </button>
  );
}
