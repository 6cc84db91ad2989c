"""政策参数库: the platform's policy store — dated per-division parameters with their sources, the 节假日/调休
calendar and working-day arithmetic, division-code and month helpers. Every domain declares its own
parameters in its ``policy_parameters`` module; other apps use ``policy.interface``."""
