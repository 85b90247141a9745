import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EligibilityFieldsFragment } from '../../gql/graphql';
import { eligibilityReasonLabel } from '../../labels';

// 符合 / 不符合, with the reasons on hover.
export function EligibilityTag({ eligibility }: { eligibility: Pick<EligibilityFieldsFragment, 'eligible' | 'reasons'> }) {
  const { t } = useTranslation();
  if (eligibility.eligible) {
    return (
      <Tag color="green" data-testid="eligibility-tag" data-eligible="true">
        {t('children.eligible')}
      </Tag>
    );
  }
  const reasons = eligibility.reasons.map((r) => eligibilityReasonLabel(t, r)).join('；');
  return (
    <Tooltip title={reasons || undefined}>
      <Tag color="orange" data-testid="eligibility-tag" data-eligible="false">
        {t('children.ineligible')}
      </Tag>
    </Tooltip>
  );
}

// The full verdict: green when eligible, orange listing each reason otherwise.
export function EligibilityAlert({
  eligibility,
  testId = 'eligibility-alert',
}: {
  eligibility: Pick<EligibilityFieldsFragment, 'eligible' | 'reasons'>;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (eligibility.eligible) {
    return <Alert type="success" showIcon message={t('children.eligibleMessage')} data-testid={testId} data-eligible="true" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      message={t('children.ineligibleMessage')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {eligibility.reasons.map((r) => (
            <li key={r} data-testid="eligibility-reason">
              {eligibilityReasonLabel(t, r)}
            </li>
          ))}
        </ul>
      }
      data-testid={testId}
      data-eligible="false"
    />
  );
}
