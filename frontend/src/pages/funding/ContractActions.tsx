import { App, Button, Flex, Popconfirm } from 'antd';
import { CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ContractRowFragment } from '../../gql/graphql';
import NoteConfirm from '../../components/NoteConfirm';
import { errorMessage } from '../../graphql/errors';
import { EndContractMutation, SignContractMutation } from '../../graphql/funding';
import { fundingChange, isLiveContract } from './FundingParts';
import { formatFen } from './money';

// Signing, closing and terminating a contract, for civil-affairs staff of its funder.
export default function ContractActions({ contract, size = 'small' }: { contract: ContractRowFragment; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [signState, sign] = useMutation(SignContractMutation);
  const [endState, end] = useMutation(EndContractMutation);
  if (!contract.canManage) return null;

  const onSign = async () => {
    const r = await sign({ id: contract.id }, fundingChange);
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t('purchase.signed', { amount: formatFen(contract.value) }));
  };
  const onEnd = async (terminate: boolean, reason: string) => {
    const r = await end({ id: contract.id, terminate, reason: reason || null }, fundingChange);
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t(terminate ? 'purchase.terminated' : 'purchase.closed'));
    return true;
  };

  if (contract.status === 'DRAFT') {
    return (
      <Popconfirm
        title={t('purchase.signConfirmTitle')}
        description={t('purchase.signConfirm', { amount: formatFen(contract.value) })}
        okText={t('purchase.sign')}
        cancelText={t('common.cancel')}
        onConfirm={() => onSign()}
        okButtonProps={{ 'data-testid': 'sign-contract-ok' }}
      >
        <Button type="primary" size={size} icon={<EditOutlined />} loading={signState.fetching} data-testid="sign-contract">
          {t('purchase.sign')}
        </Button>
      </Popconfirm>
    );
  }
  if (!isLiveContract(contract.status)) return null;
  return (
    <Flex gap={8} wrap>
      <Popconfirm
        title={t('purchase.closeConfirmTitle')}
        description={t('purchase.closeConfirm')}
        okText={t('purchase.close')}
        cancelText={t('common.cancel')}
        onConfirm={() => onEnd(false, '')}
        okButtonProps={{ 'data-testid': 'close-contract-ok' }}
      >
        <Button size={size} icon={<CheckCircleOutlined />} loading={endState.fetching} data-testid="close-contract">
          {t('purchase.close')}
        </Button>
      </Popconfirm>
      <NoteConfirm
        title={t('purchase.terminateConfirmTitle')}
        description={t('purchase.terminateConfirm')}
        placeholder={t('purchase.terminateReason')}
        okText={t('purchase.terminate')}
        danger
        onConfirm={(reason) => onEnd(true, reason)}
        testId="terminate-contract"
      >
        <Button size={size} danger icon={<StopOutlined />} data-testid="terminate-contract">
          {t('purchase.terminate')}
        </Button>
      </NoteConfirm>
    </Flex>
  );
}
