export default function Results() {
  return (
    <section>
      <h1>技能竞赛</h1>
    </section>
  );
}
