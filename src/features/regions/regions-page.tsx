// Placeholder: the region overview is built in issue 4.
export function RegionsPage() {
  return <h1>Regions</h1>;
}
