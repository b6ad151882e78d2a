// Demo mode's commands: stage Sendcloud faults on the embedded simulator and printer faults on
// the virtual printer. A live station refuses them.
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { createLogger } from '../log';
import type { PrinterRegistry } from '../printing/registry';
import type { VirtualPrinter } from '../printing/virtual-printer';
import type { Simulator } from '../simulator/index';
import { fromDemoFaults, toDemoFaults } from './demo-faults';

type DemoCommands = Pick<CommandHandlers, 'demo.faults' | 'demo.setFaults' | 'demo.printerFaults'>;

const log = createLogger('station');

export function demoCommands(deps: {
  simulator: Simulator | null;
  virtualPrinter: VirtualPrinter | null;
  printers: PrinterRegistry;
}): DemoCommands {
  const simulator = (): Simulator => {
    if (!deps.simulator) throw new AppError('forbidden', msg('station.demo.onlyInDemo'));
    return deps.simulator;
  };
  return {
    'demo.faults': async () => toDemoFaults(simulator().faults.current()),
    'demo.setFaults': async (faults) => {
      simulator().faults.set(fromDemoFaults(faults));
      log.info('demo faults changed', { ...faults });
      return toDemoFaults(simulator().faults.current());
    },
    'demo.printerFaults': async ({ faults }) => {
      if (!deps.virtualPrinter) {
        throw new AppError('forbidden', msg('station.demo.onlyVirtualPrinter'));
      }
      deps.virtualPrinter.setFaults(faults);
      log.info('demo printer faults changed', { faults });
      await deps.printers.refresh('virtual');
      return deps.printers.setup();
    },
  };
}
