export default function Register() {
  return (
    <section>
      <h1>技能竞赛</h1>
    </section>
  );
}
