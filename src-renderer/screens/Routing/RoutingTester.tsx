import { useState, type FormEvent } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/** "This order would ship with …": the saved rules tried on an order, as its label would be made. */
export function RoutingTester() {
  const test = useStation((s) => s.testRouting);
  const result = useStation((s) => s.routingTest);
  const { t, say } = useSpeaker();
  const [code, setCode] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim()) void test(code.trim());
  };

  return (
    <section className="printers-section routing-tester" aria-labelledby="routing-tester-title">
      <h3 id="routing-tester-title">{t('ui.routing.tester.title')}</h3>
      <p className="muted">{t('ui.routing.tester.note')}</p>
      <form onSubmit={onSubmit}>
        <label>
          {t('ui.routing.tester.field')}{' '}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            data-testid="routing-tester-input"
          />
        </label>{' '}
        <button type="submit" className="button">
          {t('ui.routing.tester.run')}
        </button>
      </form>
      <p
        role="status"
        data-testid="routing-tester-result"
        data-rule={result?.ok ? (result.value.ruleNumber ?? '') : ''}
      >
        {result?.ok === true &&
          (result.value.option
            ? t('ui.routing.tester.result', {
                order: result.value.orderNumber,
                option:
                  result.value.option.name === result.value.option.code
                    ? result.value.option.code
                    : `${result.value.option.name} (${result.value.option.code})`,
                why: say(result.value.why),
              })
            : t('ui.routing.tester.sendcloud', {
                order: result.value.orderNumber,
                why: say(result.value.why),
              }))}
        {result?.ok === false && t('ui.routing.tester.failed', { reason: say(result.error) })}
      </p>
    </section>
  );
}
