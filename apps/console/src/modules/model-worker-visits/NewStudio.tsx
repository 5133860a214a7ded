import { A, useNavigate } from '@solidjs/router';
import { t } from '../../i18n';
import { showToast } from '../../toast';
import { StudioForm } from './StudioForm';
import './mw-visits.css';

/** Registers a 创新工作室: name, level, leader (a 劳模 record), members, founding date, the 七有 ticks and achievements. */
export default function NewStudio() {
  const navigate = useNavigate();
  return (
    <section aria-labelledby="mwv-new-studio-title" class="mwv">
      <p>
        <A href="/model-worker-studios">← {t('mwVisits.studio.back')}</A>
      </p>
      <h1 id="mwv-new-studio-title">{t('mwVisits.studio.newTitle')}</h1>
      <div class="card">
        <StudioForm
          onSaved={(done) => {
            showToast('success', () => t('mwVisits.studio.saved', { name: done.name }));
            navigate(`/model-worker-studios/${encodeURIComponent(done.studioId)}`);
          }}
        />
      </div>
    </section>
  );
}
