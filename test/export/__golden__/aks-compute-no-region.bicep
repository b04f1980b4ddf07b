// AML network rules for: Use a compute instance or a compute cluster, Use Azure Kubernetes Service (AKS); region <region>.
// The securityRules property of a Microsoft.Network/networkSecurityGroups resource.
// 35 host-name rules cannot go in an NSG (it filters by address and service tag): use the Azure Firewall format for them.
securityRules: [
]
