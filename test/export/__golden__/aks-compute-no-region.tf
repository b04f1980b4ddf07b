# AML network rules for: Use a compute instance or a compute cluster, Use Azure Kubernetes Service (AKS); region <region>.
# azurerm_network_security_rule resources for the compute subnet's NSG.
# 35 host-name rules cannot go in an NSG (it filters by address and service tag): use the Azure Firewall format for them.


