// Placeholder: owned by the judging console engineer.
export default function JudgeSheet() {
  return (
    <section>
      <h1>技能竞赛</h1>
    </section>
  );
}
