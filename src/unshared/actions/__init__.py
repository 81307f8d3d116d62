"""What people, platforms and operators do, on top of the bank and the matcher."""
