export default function NewStream() {
  return <h1>new stream form</h1>;
}
