# AML network rules for: Access the workspace from Azure Machine Learning studio, Use a compute instance or a compute cluster; region westeurope.
# azurerm_network_security_rule resources for the compute subnet's NSG.

resource "azurerm_network_security_rule" "aml-in-azuremachinelearning-44224" {
  name                        = "aml-in-azuremachinelearning-44224"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "44224"
  source_address_prefix       = "AzureMachineLearning"
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Lets the Azure ML service create, update and delete compute instance and cluster nodes (destination VirtualNetwork, any source port). The..."
}

resource "azurerm_network_security_rule" "aml-out-azureactivedirectory-80_443" {
  name                        = "aml-out-azureactivedirectory-80_443"
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["80", "443"]
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureActiveDirectory"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Signing in: the studio authenticates you with Microsoft Entra ID. Compute nodes, the CLI and the SDK get their tokens from Microsoft Entr..."
}

resource "azurerm_network_security_rule" "aml-out-azurefrontdoor_frontend-443" {
  name                        = "aml-out-azurefrontdoor.frontend-443"
  priority                    = 110
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureFrontDoor.FrontEnd"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Azure Front Door serves the studio web app (ml.azure.com); also open it when you use the studio from a VM or compute instance inside an N..."
}

resource "azurerm_network_security_rule" "aml-out-azuremachinelearning-443" {
  name                        = "aml-out-azuremachinelearning-443"
  priority                    = 120
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureMachineLearning"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "The Azure ML service itself: the studio's Azure ML-specific calls go to the service endpoints behind the AzureMachineLearning tag. The Az..."
}

resource "azurerm_network_security_rule" "aml-out-azuremachinelearning-18881" {
  name                        = "aml-out-azuremachinelearning-18881"
  priority                    = 130
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "18881"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureMachineLearning"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Language server behind notebook IntelliSense on a compute instance."
}

resource "azurerm_network_security_rule" "aml-out-azuremachinelearning-5831" {
  name                        = "aml-out-azuremachinelearning-5831"
  priority                    = 140
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_port_range           = "*"
  destination_port_range      = "5831"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureMachineLearning"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Creating, updating and deleting a compute instance."
}

resource "azurerm_network_security_rule" "aml-out-azureresourcemanager-443" {
  name                        = "aml-out-azureresourcemanager-443"
  priority                    = 150
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureResourceManager"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Control plane: management and deployment operations started from the studio go through Azure Resource Manager. Control plane: the service..."
}

resource "azurerm_network_security_rule" "aml-out-batchnodemanagement_westeurope-443" {
  name                        = "aml-out-batchnodemanagement.westeurope-443"
  priority                    = 160
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "BatchNodeManagement.westeurope"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Compute instances and clusters run on Azure Batch; the nodes call out to the Batch service that manages them."
}

resource "azurerm_network_security_rule" "aml-out-storage_westeurope-443" {
  name                        = "aml-out-storage.westeurope-443"
  priority                    = 170
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "Storage.westeurope"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Reaches Microsoft's storage account inside the Azure Batch managed network (blob, table and queue for managing the compute; none of your ..."
}

resource "azurerm_network_security_rule" "aml-out-storage_westeurope-445" {
  name                        = "aml-out-storage.westeurope-445"
  priority                    = 180
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "445"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "Storage.westeurope"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "SMB to the file share of your storage account, needed in the rule set only when a firewall sits between the Azure ML VNet and the storage..."
}

resource "azurerm_network_security_rule" "aml-out-azuremonitor-443" {
  name                        = "aml-out-azuremonitor-443"
  priority                    = 190
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureMonitor"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Sends metrics, monitoring data and support logs to Azure Monitor and Application Insights."
}

resource "azurerm_network_security_rule" "aml-out-virtualnetwork-443" {
  name                        = "aml-out-virtualnetwork-443"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Reaches the private endpoints (workspace, storage, key vault, registry) in this VNet or in peered VNets. Only the 2026 firewall article a..."
}

resource "azurerm_network_security_rule" "aml-out-microsoftcontainerregistry-443" {
  name                        = "aml-out-microsoftcontainerregistry-443"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "MicrosoftContainerRegistry"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Azure ML's own images; the newest firewall article says this registry is needed in every scenario, and it also sets up the Azure ML route..."
}

resource "azurerm_network_security_rule" "aml-out-azurefrontdoor_firstparty-443" {
  name                        = "aml-out-azurefrontdoor.firstparty-443"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "AzureFrontDoor.FirstParty"
  resource_group_name         = "<resource-group>"
  network_security_group_name = "<nsg-name>"
  description                 = "Layers of Microsoft's registry images are served through Front Door: the MicrosoftContainerRegistry tag depends on it."
}
