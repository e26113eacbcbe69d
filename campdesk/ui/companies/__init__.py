"""기업: the company register and one company's detail."""
