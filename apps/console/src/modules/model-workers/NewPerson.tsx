import { A, useNavigate } from '@solidjs/router';
import { t } from '../../i18n';
import { showToast } from '../../toast';
import { PersonForm } from './PersonForm';
import './model-workers.css';

/** 新建劳模档案 (staff): gender and birth date come from the ID number. */
export default function NewPerson() {
  const navigate = useNavigate();
  return (
    <section aria-labelledby="mw-new-title" class="mw">
      <p class="crumbs">
        <A href="/model-workers">← {t('modelWorkers.title')}</A>
      </p>
      <div class="page-head">
        <h1 id="mw-new-title">{t('modelWorkers.new')}</h1>
      </div>
      <div class="card">
        <PersonForm
          onSaved={(p) => {
            showToast('success', () => t('modelWorkers.created'));
            navigate(`/model-workers/${encodeURIComponent(p.personId)}`);
          }}
          onCancel={() => navigate('/model-workers')}
        />
      </div>
    </section>
  );
}
