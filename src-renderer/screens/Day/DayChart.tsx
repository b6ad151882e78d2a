import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DaySummary } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { hourBars, peakHour } from '../../state/day';

/** Labels per hour as a bar chart (recharts), with the busiest hour said in words too. */
export function DayChart({ summary }: { summary: DaySummary }) {
  const { t } = useSpeaker();
  const bars = hourBars(summary);
  const peak = peakHour(summary);
  return (
    <section
      className="day-section day-chart"
      aria-labelledby="day-chart-title"
      data-testid="day-chart"
    >
      <h2 id="day-chart-title">{t('ui.day.chart.title')}</h2>
      {peak ? (
        <p className="muted" data-testid="day-chart-peak">
          {t('ui.day.chart.peak', { hour: String(peak.hour).padStart(2, '0'), count: peak.labels })}
        </p>
      ) : (
        <p className="muted">{t('ui.day.chart.empty')}</p>
      )}
      <div className="day-chart-frame">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tickLine={false} />
            <YAxis allowDecimals={false} tickLine={false} />
            <Tooltip />
            <Bar
              dataKey="labels"
              name={t('ui.day.chart.series')}
              fill="#2f6fde"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
