import { mutate } from '../../api';
import { EvidenceSlot } from '../../components/EvidenceSlot';
import { label, t } from '../../i18n';
import type { PersonHonour } from './shared';

/**
 * 荣誉证书扫描件 on the honour timeline: "查看" for an attached scan (anyone who sees the person), and for staff an
 * upload (picture or PDF) that is sent to the blob store, checked by the server and recorded on the honour.
 */
export function CertificateScan(props: { personId: string; honour: PersonHonour; canUpload: boolean; version: () => number; onAttached: () => void }) {
  const title = () => label(props.honour.title);
  return (
    <EvidenceSlot
      id={`mw-scan-${props.honour.honourId}`}
      testId="mw-scan"
      types={['image/jpeg', 'image/png', 'image/webp', 'application/pdf']}
      attached={props.honour.certificate}
      canUpload={props.canUpload}
      texts={{
        attachedFile: () => t('modelWorkers.scan.attachedFile'),
        view: () => t('modelWorkers.scan.viewOf', { title: title() }),
        upload: () => t('modelWorkers.scan.upload'),
        replace: () => t('modelWorkers.scan.replace'),
        inputLabel: () => t('modelWorkers.scan.uploadFor', { title: title() }),
        typeNotAllowed: () => t('modelWorkers.scan.typeNotAllowed'),
        recorded: () => t('modelWorkers.scan.attached'),
      }}
      create={(file) => mutate('modelWorkers.evidence.createUpload', { personId: props.personId, honourId: props.honour.honourId, fileName: file.name, contentType: file.type, sizeBytes: file.size })}
      signUrl={(evidenceId) => mutate('modelWorkers.evidence.url', { evidenceId })}
      complete={(evidenceId) => mutate('modelWorkers.evidence.complete', { evidenceId })}
      record={(evidenceId) => mutate('modelWorkers.evidence.attachCertificate', { personId: props.personId, version: props.version(), honourId: props.honour.honourId, evidenceId })}
      onRecorded={props.onAttached}
    />
  );
}
