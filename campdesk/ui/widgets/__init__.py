"""Small reusable widgets: vocabulary combos, the company picker, form error labels."""
