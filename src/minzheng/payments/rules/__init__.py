"""Pure payroll rules (no Django): bank file columns, bank result rows, retroactive adjustments."""
